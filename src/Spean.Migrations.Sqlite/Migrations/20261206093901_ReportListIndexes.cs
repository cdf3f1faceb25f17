using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Category",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Counts",
                table: "Reports",
                columns: new[] { "Category", "Status", "Confidentiality", "OrganisationId", "AuthorId", "CountryIso3", "AdminUnitCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OccurredFrom_Id",
                table: "Reports",
                columns: new[] { "OccurredFrom", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Counts",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OccurredFrom_Id",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Category",
                table: "Reports",
                column: "Category");
        }
    }
}
