using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Reports",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Reports");
        }
    }
}
