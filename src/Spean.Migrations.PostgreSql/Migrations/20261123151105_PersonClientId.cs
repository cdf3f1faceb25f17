using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PersonClientId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "ReportPeople",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_ClientId",
                table: "ReportPeople",
                column: "ClientId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportPeople_ClientId",
                table: "ReportPeople");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "ReportPeople");
        }
    }
}
