using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OhchrMatrix : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IssuesOrigin",
                table: "Recommendations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PositionSource",
                table: "Recommendations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RecommendationAffectedPerson",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationAffectedPerson", x => new { x.RecommendationId, x.Group });
                    table.ForeignKey(
                        name: "FK_RecommendationAffectedPerson_Recommendations_Recommendation~",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationTheme",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationTheme", x => new { x.RecommendationId, x.Theme });
                    table.ForeignKey(
                        name: "FK_RecommendationTheme_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecommendationAffectedPerson");

            migrationBuilder.DropTable(
                name: "RecommendationTheme");

            migrationBuilder.DropColumn(
                name: "IssuesOrigin",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "PositionSource",
                table: "Recommendations");
        }
    }
}
